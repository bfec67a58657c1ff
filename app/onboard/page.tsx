import type { Metadata } from "next";
import { z } from "zod";
import { OnboardingScreen } from "@/components/onboarding/onboarding-screen";

export const metadata: Metadata = { title: "Create subjects · Humanos onboarding console" };

const resendSchema = z.uuid().optional().catch(undefined);

/** /onboard, or /onboard?resend=<run id> to load that run's failed rows into the grid. */
export default async function OnboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { resend } = await searchParams;
  const resendRunId = resendSchema.parse(Array.isArray(resend) ? resend[0] : resend);
  return <OnboardingScreen resendRunId={resendRunId} />;
}
