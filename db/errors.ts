// Errors repositories throw for the caller to turn into a reply ("ไม่มีสิทธิ์แก้ไข", "ไม่พบ").

/** The scope may not do this (a viewer writing). Checked before anything is read. */
export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
  constructor(message = "forbidden") {
    super(message);
  }
}

/** Nothing with that id in the scope's agency (another agency's rows are not found, never touched). */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(
    readonly entity: string,
    readonly id: number | string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** Input the database would refuse or that makes no sense (a date that is not a date, an owner from elsewhere). */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
}
