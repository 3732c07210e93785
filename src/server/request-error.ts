/** A request that is well-formed but wrong (an unknown profile): 400 with the field's path. */
export class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
