export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}
