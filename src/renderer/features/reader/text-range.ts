/** A passage of the stored text, as character offsets: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}
