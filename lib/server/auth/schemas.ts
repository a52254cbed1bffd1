import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "@/lib/domain/auth/password-policy";

export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "validation.email" }));
export const passwordField = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const codeField = z.string().trim().min(6).max(12);
export const tokenField = z.string().trim().min(20).max(200);
export const localeField = z.enum(["en", "zh-CN"]);
