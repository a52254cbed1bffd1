import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "@/components/invoice-pdf/styles";

const FONT_DIR = ["node_modules", "@expo-google-fonts", "noto-sans-sc"];
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

let registered = false;

/**
 * Noto Sans SC (from the npm package, TrueType: @react-pdf cannot read woff2) for Latin and Chinese alike; only the
 * glyphs used are embedded. Chinese has no spaces, so a CJK run may break after any character (the empty pieces
 * between characters keep @react-pdf from printing a hyphen there); Latin words are never hyphenated.
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const file = (weight: string) => path.join(/*turbopackIgnore: true*/ process.cwd(), ...FONT_DIR, weight, `NotoSansSC_${weight}.ttf`);
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: file("400Regular"), fontWeight: 400 },
      { src: file("700Bold"), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback((word) => (CJK.test(word) ? Array.from(word).flatMap((character) => [character, ""]) : [word]));
  registered = true;
}
