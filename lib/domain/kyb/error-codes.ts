import type { BicError } from "./bic";
import type { CnapsError } from "./cnaps";
import type { IbanError } from "./iban";
import type { BeneficialOwnersError } from "./ownership";
import type { PassportError } from "./passport";
import type { PrcResidentIdError } from "./prc-resident-id";
import type { InvalidKybTransitionError } from "./status";
import type { UsccError } from "./uscc";

/** Every error code KYB can report to a user, for typing the UI's message catalog. */
export type KybErrorCode =
  | UsccError
  | PrcResidentIdError
  | PassportError
  | CnapsError
  | BicError
  | IbanError
  | BeneficialOwnersError
  | InvalidKybTransitionError["code"];
