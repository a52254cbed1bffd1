import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCamt, parseCamtStream } from "./camt";
import { StatementParseError } from "./errors";
import { toJsonLine } from "./transaction";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const lines = (xml: string) => parseCamt(xml).transactions.map(toJsonLine);

function refusal(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementParseError);
    return error as StatementParseError;
  }
  throw new Error("expected a StatementParseError");
}

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const V02_LINES = [
  '{"account":"DE89370400440532013000","currency":"EUR","direction":"credit","amountMinor":"150000","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"2026030200001","ref":"RF16INV20260001","text":"Invoice INV-2026-0001 deposit","party":"Harbor Lights Trading LLC","reversal":false}',
  '{"account":"DE89370400440532013000","currency":"EUR","direction":"credit","amountMinor":"120000","bookingDate":"2026-03-02","valueDate":"2026-03-03","bankRef":"2026030200002/1","ref":"RF86INV20260002","text":"Payment RF86 INV2 0260 002 thanks","party":"Nordic Imports AB","reversal":false}',
  '{"account":"DE89370400440532013000","currency":"EUR","direction":"credit","amountMinor":"180000","bookingDate":"2026-03-02","valueDate":"2026-03-03","bankRef":"2026030200002/2","ref":"E2E-NI-2","text":"INV-2026-0003 balance","party":"Nordic Imports AB","reversal":false}',
  '{"account":"DE89370400440532013000","currency":"EUR","direction":"debit","amountMinor":"2550","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"2026030200003","text":"Account maintenance fee 02/2026","reversal":false}',
  '{"account":"DE89370400440532013000","currency":"EUR","direction":"debit","amountMinor":"70000","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"2026030200004","ref":"PAY202677","text":"Freight B/L COSU6182734","party":"Shenzhen Logistics & Partners","reversal":false}',
];

const V08_LINES = [
  '{"account":"GB33BUKB20201555555555","currency":"GBP","direction":"credit","amountMinor":"250000","bookingDate":"2026-03-05","valueDate":"2026-03-05","bankRef":"GB26064A0001","text":"Order 4471 balance","party":"Atlantic Home Goods Ltd","reversal":false}',
  '{"account":"GB33BUKB20201555555555","currency":"GBP","direction":"debit","amountMinor":"80000","bookingDate":"2026-03-05","valueDate":"2026-03-04","bankRef":"GB26064A0002","ref":"E2E-AHG-0099","text":"Return of payment - account closed (AC04)","party":"Atlantic Home Goods Ltd","reversal":true}',
  '{"account":"GB33BUKB20201555555555","currency":"GBP","direction":"credit","amountMinor":"125075","bookingDate":"2026-03-05","valueDate":"2026-03-05","bankRef":"GB26064A0003","ref":"RF96QS20260042","party":"Maple & Co","reversal":false}',
];

const V054_LINES = [
  '{"account":"483920117","currency":"USD","direction":"credit","amountMinor":"980000","bookingDate":"2026-03-06","valueDate":"2026-03-06","bankRef":"FW26065000123","ref":"INV-2026-0009","text":"Payment for invoice INV-2026-0009 less charges","party":"Lone Star Hardware Inc.","reversal":false}',
];

describe("camt.053.001.02", () => {
  it("reads single and batch entries, structured and unstructured remittance", () => {
    expect(lines(fixture("camt053-v02.xml"))).toEqual(V02_LINES);
  });

  it("checks opening + entries against closing", () => {
    const { format, statements } = parseCamt(fixture("camt053-v02.xml"));
    expect(format).toBe("camt.053");
    expect(statements).toEqual([
      { account: "DE89370400440532013000", currency: "EUR", openingBalanceMinor: 1000000n, closingBalanceMinor: 1377450n, balanceMismatch: false },
    ]);
  });

  it("flags (does not refuse) a statement whose balances do not add up", () => {
    const xml = fixture("camt053-v02.xml").replace('<Amt Ccy="EUR">13774.50</Amt>', '<Amt Ccy="EUR">13774.51</Amt>');
    const result = parseCamt(xml);
    expect(result.statements[0]!.balanceMismatch).toBe(true);
    expect(result.transactions).toHaveLength(5);
  });

  it("refuses a batch whose transactions do not add up to the entry", () => {
    const xml = fixture("camt053-v02.xml").replace('<Amt Ccy="EUR">1800.00</Amt>', '<Amt Ccy="EUR">1799.99</Amt>');
    const error = refusal(() => parseCamt(xml));
    expect(error.code).toBe("batch_sum_mismatch");
    expect(error.params.element).toBe("Stmt[1]/Ntry[2]/NtryDtls");
  });

  it("keeps a batch whole when its transactions carry no amounts", () => {
    const xml = fixture("camt053-v02.xml").replace(/<AmtDtls>\s*<TxAmt>\s*<Amt Ccy="EUR">1[28]00\.00<\/Amt>\s*<\/TxAmt>\s*<\/AmtDtls>/g, "");
    const [, batch, next] = parseCamt(xml).transactions;
    expect(batch).toMatchObject({ amountMinor: 300000n, bankRef: "2026030200002", reversal: false });
    expect(batch!.ref).toBeUndefined();
    expect(next!.bankRef).toBe("2026030200003");
  });

  it("gives the same transactions however the file is cut into chunks", async () => {
    const xml = fixture("camt053-v02.xml");
    for (const size of [1, 7, 64, 1000]) {
      const streamed: string[] = [];
      for await (const tx of parseCamtStream(chunked(xml, size))) streamed.push(toJsonLine(tx));
      expect(streamed).toEqual(V02_LINES);
    }
  });
});

describe("several statements in one document", () => {
  it("keeps each statement's account, balances and check apart", () => {
    const xml = fixture("camt053-v08.xml");
    const stmt = xml.slice(xml.indexOf("<Stmt>"), xml.indexOf("</Stmt>") + "</Stmt>".length);
    const second = stmt.replace(/GB33BUKB20201555555555/g, "GB94BARC10201530093459").replace("7950.75", "7950.70");
    const result = parseCamt(xml.replace(stmt, `${stmt}\n${second}`));
    expect(result.transactions.map((t) => t.account)).toEqual([...Array(3).fill("GB33BUKB20201555555555"), ...Array(3).fill("GB94BARC10201530093459")]);
    expect(result.statements.map((s) => [s.account, s.balanceMismatch])).toEqual([
      ["GB33BUKB20201555555555", false],
      ["GB94BARC10201530093459", true],
    ]);
  });
});

describe("camt.053.001.08", () => {
  it("reads Pty names, a reversal, a DtTm booking date, NOTPROVIDED and a structured RF", () => {
    expect(lines(fixture("camt053-v08.xml"))).toEqual(V08_LINES);
    expect(parseCamt(fixture("camt053-v08.xml")).statements[0]!.balanceMismatch).toBe(false);
  });

  it("decodes character references and accepts namespace prefixes", () => {
    const xml = fixture("camt053-v08.xml")
      .replace("Maple &amp; Co", "Mapl&#233; &#x26; Co")
      .replace(/<(\/?)([A-Za-z])/g, "<$1c:$2")
      .replace('<c:Document xmlns="', '<c:Document xmlns:c="');
    expect(parseCamt(xml).transactions[2]!.party).toBe("Maplé & Co");
  });
});

describe("camt.054", () => {
  it("reads a 001.02 notification and skips pending entries", () => {
    const result = parseCamt(fixture("camt054-v02.xml"));
    expect(result.format).toBe("camt.054");
    expect(result.transactions.map(toJsonLine)).toEqual(V054_LINES);
    expect(result.statements).toEqual([{ account: "483920117", currency: "USD", balanceMismatch: false }]);
  });

  it("reads a 001.08 notification with the currency from the amount", () => {
    const xml = `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>N8</MsgId><CreDtTm>2026-03-07T09:00:00+08:00</CreDtTm></GrpHdr>
<Ntfctn><Id>N8-1</Id><Acct><Id><IBAN>HK00 TEST 0000 0000</IBAN></Id></Acct>
<Ntry><Amt Ccy="HKD">78000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-03-07</Dt></BookgDt><ValDt><Dt>2026-03-07</Dt></ValDt><AcctSvcrRef>HK-778</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>PO 9912</EndToEndId></Refs><Amt Ccy="HKD">78000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<RltdPties><Dbtr><Pty><Nm>Victoria Harbour Traders</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>RF18 5390 0754 7034</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    expect(lines(xml)).toEqual([
      '{"account":"HK00TEST00000000","currency":"HKD","direction":"credit","amountMinor":"7800000","bookingDate":"2026-03-07","valueDate":"2026-03-07","bankRef":"HK-778","ref":"RF18539007547034","text":"RF18 5390 0754 7034","party":"Victoria Harbour Traders","reversal":false}',
    ]);
  });
});

describe("safety", () => {
  const XXE = `<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>&xxe;</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>`;
  const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><lolz>&lol9;</lolz></Document>`;

  it("refuses an external entity (XXE)", () => {
    expect(refusal(() => parseCamt(XXE)).code).toBe("xml_dtd_refused");
  });

  it("refuses billion laughs", () => {
    expect(refusal(() => parseCamt(LAUGHS)).code).toBe("xml_dtd_refused");
  });

  it("refuses a DTD split across stream chunks", async () => {
    const run = async () => {
      for await (const tx of parseCamtStream(chunked(XXE, 3))) void tx;
    };
    await expect(run()).rejects.toMatchObject({ code: "xml_dtd_refused" });
  });

  it("refuses an entity declaration even without a DOCTYPE", () => {
    expect(refusal(() => parseCamt(`<Document><!ENTITY a "b"></Document>`)).code).toBe("xml_dtd_refused");
  });

  it("leaves undeclared entity references as text, never expanded", () => {
    const xml = fixture("camt053-v08.xml").replace("Order 4471 balance", "&xxe; Order");
    expect(parseCamt(xml).transactions[0]!.text).toBe("&xxe; Order");
  });
});

describe("malformed files", () => {
  const xml = fixture("camt053-v02.xml");

  it("names the line of a mismatched closing tag", () => {
    const broken = xml.replace("</Cd>\n              <SubFmlyCd>", "</Cx>\n              <SubFmlyCd>");
    const error = refusal(() => parseCamt(broken));
    expect(error.code).toBe("xml_malformed");
    expect(error.params.line).toBe(xml.slice(0, xml.indexOf("<SubFmlyCd>")).split("\n").length - 1);
    expect(error.message).toMatch(/line \d+/);
  });

  it("names the entry and the element of a bad amount", () => {
    const error = refusal(() => parseCamt(xml.replace('<Amt Ccy="EUR">25.50</Amt>', '<Amt Ccy="EUR">25,50</Amt>')));
    expect(error.code).toBe("invalid_value");
    expect(error.params.element).toBe("Stmt[1]/Ntry[3]/Amt");
    expect(error.params.line).toBe(xml.slice(0, xml.indexOf('<Amt Ccy="EUR">25.50')).split("\n").length - 1);
  });

  it("names a missing credit/debit indicator, an unknown currency and a bad date", () => {
    expect(refusal(() => parseCamt(xml.replace("<CdtDbtInd>DBIT</CdtDbtInd>", ""))).params.element).toBe("Stmt[1]/Ntry[3]/CdtDbtInd");
    expect(refusal(() => parseCamt(xml.replace('<Amt Ccy="EUR">700.00', '<Amt Ccy="EUX">700.00'))).params).toMatchObject({
      element: "Stmt[1]/Ntry[4]/Amt",
      value: "EUX",
    });
    expect(refusal(() => parseCamt(xml.replace("<Dt>2026-03-03</Dt>", "<Dt>2026-02-30</Dt>"))).params.element).toBe("Stmt[1]/Ntry[2]/ValDt");
    expect(refusal(() => parseCamt(xml.replace("<Dt>2026-03-03</Dt>", "<Dt>2026-13-45</Dt>"))).params.value).toBe("2026-13-45");
  });

  it("refuses a truncated file and returns nothing", () => {
    const error = refusal(() => parseCamt(xml.slice(0, xml.indexOf("<Ntry>", 3000))));
    expect(error.message).toMatch(/end of file/);
  });

  it("refuses an attribute error inside an entry with its line", () => {
    const broken = xml.replace('<Amt Ccy="EUR">700.00</Amt>', '<Amt Ccy="EUR" Ccy="USD">700.00</Amt>');
    const error = refusal(() => parseCamt(broken));
    expect(error.code).toBe("xml_malformed");
    expect(error.params.line).toBe(xml.slice(0, xml.indexOf('<Amt Ccy="EUR">700.00')).split("\n").length);
    expect(error.params.element).toBe("Stmt[1]/Ntry[4]");
  });

  it("refuses documents that are not camt.053/054 or lack an account", () => {
    expect(refusal(() => parseCamt(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>`)).code).toBe(
      "xml_not_camt",
    );
    expect(refusal(() => parseCamt(xml.replace(/<Acct>[\s\S]*?<\/Acct>/, ""))).params.element).toBe("Stmt[1]/Acct/Id");
    expect(refusal(() => parseCamt("not xml at all")).code).toBe("xml_malformed");
  });
});
