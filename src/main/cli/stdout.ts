/**
 * A writer for stdout or stderr that the reader may close first (`liaison search "vett" | head`): a closed
 * pipe (EPIPE) stops the output quietly and the command ends as it would have, rather than in a stack
 * trace. Any other write error is as fatal as before.
 */
export function pipeWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
