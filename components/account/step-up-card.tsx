import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StepUpForm } from "./step-up-form";

/** The step-up form as a card of its own, above a page's sections until the session's second factor is fresh. */
export function StepUpCard({ title, description }: { title: string; description: string }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardBody>
        <StepUpForm />
      </CardBody>
    </Card>
  );
}
