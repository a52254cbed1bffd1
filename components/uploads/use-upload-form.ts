"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { postUpload } from "./post-upload";

interface UploadFormOutcome {
  tone: "success" | "error";
  message: string;
}

/** Submits the form's fields to `url`; on success shows `successMessage`, clears the form and refreshes the page. */
export function useUploadForm(url: string, successMessage: string) {
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<UploadFormOutcome | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setOutcome(null);
    startTransition(async () => {
      const result = await postUpload(url, data);
      if (result.ok) {
        setOutcome({ tone: "success", message: successMessage });
        form.reset();
        router.refresh();
      } else {
        setOutcome({ tone: "error", message: result.message ?? common("form.networkError") });
      }
    });
  }

  return { pending, outcome, handleSubmit };
}
