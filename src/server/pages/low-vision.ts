import { cookies } from "next/headers";
import { isLowVision, LOW_VISION_COOKIE } from "@/lib/low-vision";

/** Whether this browser chose the low-vision version (read by the root layout and the header switch). */
export async function lowVisionRequested(): Promise<boolean> {
  return isLowVision((await cookies()).get(LOW_VISION_COOKIE)?.value);
}
