"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { rotateBuyerLink } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { CopyField } from "@/components/invoices/copy-field";

/** Creates a new buyer link (the old one stops working) and shows it once, to copy. */
export function BuyerLinkForm({ org, disputeId }: { org: string; disputeId: string }) {
  const t = useTranslations("disputes.buyerLink");
  const [link, setLink] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <ActionForm action={rotateBuyerLink} hidden={{ org, disputeId }} onSuccess={(data) => setLink(data.buyerLinkUrl)} successMessage={t("created")} refresh={false}>
        <div>
          <SubmitButton variant="secondary" pendingText={t("rotating")}>
            {t("rotate")}
          </SubmitButton>
        </div>
      </ActionForm>
      {link ? <CopyField value={link} label={t("label")} testId="buyer-link" /> : null}
    </div>
  );
}
