import { describe, expect, it } from "vitest";
import { csvLines } from "./cell";

describe("csvLines", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvLines([["=SUM(A1)", "+1+1", "-1+1", "@cmd", "\tx", "\rx"]])).toBe(`"'=SUM(A1)","'+1+1","'-1+1","'@cmd","'\tx","'\rx"\r\n`);
  });

  it("leaves plain signed numbers alone", () => {
    expect(csvLines([["-12.50", "+3", "-7", "12.50"]])).toBe("-12.50,+3,-7,12.50\r\n");
  });

  it("quotes cells holding quotes, commas, newlines or edge spaces", () => {
    expect(csvLines([['say "hi"', "a,b", "two\nlines", " padded", "plain"]])).toBe(`"say ""hi""","a,b","two\nlines"," padded",plain\r\n`);
  });

  it("ends every line, the last too, with CRLF", () => {
    expect(csvLines([["a", "b"], ["c", ""]])).toBe("a,b\r\nc,\r\n");
  });
});
