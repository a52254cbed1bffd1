import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoiceInstalments, invoices } from "@/db/schema";
import { dueDate, nextDueDate } from "@/lib/domain/invoices";

const UNPAID = new Set(["open", "partially_paid"]);

/**
 * Dates every instalment of an invoice from its rule and the invoice's issue and B/L dates, then keeps the invoice's
 * next due date and overdue flag in line (an unpaid instalment is overdue once its due date is before `today`).
 */
export async function refreshInstalmentDates(
  tx: Transaction,
  invoice: { id: string; issueDate: string; billOfLadingDate: string | null },
  today: string,
): Promise<void> {
  const instalments = await tx.select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoice.id));
  const dated = instalments.map((instalment) => {
    const date = dueDate(instalment.dueRule, { issueDate: invoice.issueDate, billOfLadingDate: invoice.billOfLadingDate });
    const overdue = UNPAID.has(instalment.status) && date !== null && date < today;
    return { ...instalment, dueDate: date, isOverdue: overdue };
  });
  for (const instalment of dated) {
    await tx
      .update(invoiceInstalments)
      .set({ dueDate: instalment.dueDate, isOverdue: instalment.isOverdue })
      .where(eq(invoiceInstalments.id, instalment.id));
  }
  await tx
    .update(invoices)
    .set({ nextDueDate: nextDueDate(dated), isOverdue: dated.some((i) => i.isOverdue), updatedAt: new Date() })
    .where(eq(invoices.id, invoice.id));
}
