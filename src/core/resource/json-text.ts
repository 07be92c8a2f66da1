/**
 * A response body already serialised, sent as it is. List pages are assembled as text so that stored
 * JSON can be spliced in without being parsed and serialised again (issue 15).
 */
export class JsonText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
