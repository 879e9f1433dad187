import { Low } from 'lowdb';
import type { DurableJsonFile } from './durable-json-file';

/** One lowdb document with the rule that its in-memory copy changes only once the disk has it. */
export class Doc<T> {
  readonly low: Low<T>;
  constructor(
    readonly key: string,
    readonly adapter: DurableJsonFile<T>,
    data: T,
  ) {
    this.low = new Low(adapter, data);
  }
  get data(): T {
    return this.low.data;
  }
  async commit(next: T): Promise<void> {
    const previous = this.low.data;
    this.low.data = next;
    try {
      await this.low.write();
    } catch (error) {
      this.low.data = previous;
      throw error;
    }
  }
}
