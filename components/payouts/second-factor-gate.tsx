import { StepUpForm } from "@/components/account/step-up-form";
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
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-950">{text.stepUpTitle}</p>
      <p className="text-sm text-amber-900">{text.stepUpDescription}</p>
      <StepUpForm />
    </div>
  );
}
