import type { disputeEvidenceKind } from "@/db/schema";

type EvidenceKind = (typeof disputeEvidenceKind.enumValues)[number];

// A record, so that the typecheck fails when the schema gains a kind the upload forms do not offer. (The schema's
// enum itself cannot be imported here: the forms are client components.)
const OFFERED: Record<EvidenceKind, true> = { photo: true, inspection_report: true, bill_of_lading: true, correspondence: true, contract: true, other: true };

/** The kinds an evidence upload form offers, photo first. */
export const EVIDENCE_KINDS = Object.keys(OFFERED) as EvidenceKind[];
