import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { calendarDate } from "@/components/invoices/display";
import { Alert } from "@/components/ui/alert";

export interface UpcomingFeeNotice {
  version: number;
  effectiveFrom: string;
  raises: boolean;
}

/** On every page of the organization while a new fee schedule is published but not yet in effect. */
export async function UpcomingFeesBanner({ org, notice }: { org: string; notice: UpcomingFeeNotice }) {
  const t = await getTranslations("fees.banner");
  const format = await getFormatter();
  const values = { version: notice.version, date: format.dateTime(calendarDate(notice.effectiveFrom), { dateStyle: "long", timeZone: "UTC" }) };
  return (
    <Alert tone={notice.raises ? "warning" : "info"} className="mb-6" data-testid="upcoming-fees-banner">
      {notice.raises ? t("raises", values) : t("lowers", values)}{" "}
      <Link href={`/o/${org}/fees`} className="font-medium underline">
        {t("link")}
      </Link>
    </Alert>
  );
}
