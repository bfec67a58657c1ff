import type { Metadata } from "next";
import { OnboardingScreen } from "@/components/onboarding/onboarding-screen";

export const metadata: Metadata = { title: "Create subjects · Humanos onboarding console" };

export default function OnboardPage() {
  return <OnboardingScreen />;
}
