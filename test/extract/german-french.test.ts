import { describe, expect, it } from "vitest";
import { quotePairs } from "./helpers.js";

const speakerOf = (text: string): string | null => quotePairs(text)[0]![0];

describe("German and French role back-references", () => {
  it("resolves 'der SPD-Abgeordnete' to the last named man", () => {
    const text = "Im Landtag sprach Matthias Kern lange. „Das Gesetz kommt zu spät“, sagte der SPD-Abgeordnete.";
    expect(speakerOf(text)).toBe("Matthias Kern");
  });

  it("resolves 'die Bürgermeisterin' to the last named woman", () => {
    const text = "Sabine Roth eröffnete die Sitzung. Herr Uwe Falk widersprach. „Wir bauen trotzdem“, sagte die Bürgermeisterin.";
    expect(speakerOf(text)).toBe("Sabine Roth");
  });

  it("never takes a capitalised sentence opener for a speaker", () => {
    const text = "Lena Brückner leitet den Ausschuss. Nach der Abstimmung sagte sie: „Das war knapp.“";
    expect(speakerOf(text)).not.toBe("Nach");
    const plenum = "Jörg Haller verteidigte den Plan. Im Plenum sagte er: „Wir halten Wort.“";
    expect(speakerOf(plenum)).toBe("Jörg Haller");
  });

  it("resolves a French role to the person named last", () => {
    const text = "Camille Durand a présenté le budget. « Nous tiendrons les délais », a assuré l’élue.";
    expect(speakerOf(text)).toBe("Camille Durand");
  });
});
