import { StepUpPrompt } from "@/components/account/step-up-form";
import { TwoFactorRequired } from "@/components/account/two-factor-required";

/**
 * What stands between the member and a step-up action: turning 2FA on, or a fresh code. Nothing once the session's
 * second factor is fresh.
 */
export function SecondFactorGate({
  enrolled,
  fresh,
  text,
}: {
  enrolled: boolean;
  fresh: boolean;
  text: { enrollFirst: string; security: string; stepUpTitle: string; stepUpDescription: string };
}) {
  if (!enrolled) return <TwoFactorRequired message={text.enrollFirst} linkLabel={text.security} />;
  if (fresh) return null;
  return <StepUpPrompt title={text.stepUpTitle} description={text.stepUpDescription} />;
}
