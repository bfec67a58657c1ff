/**
 * Explains an unknown country code to the operator. Spreadsheets made by people hold sports codes
 * (POR, GER: IOC/FIFA), alpha-2 codes (PT), UK-nation codes (ENG) or country names, and the API only
 * answers 402 for them; naming the ISO alpha-3 code that was meant turns a dead end into a fix.
 */
import { countryName, ISO_ALPHA3_COUNTRIES, isKnownAlpha3 } from "@/lib/humanos/countries";

// ISO 3166-1 alpha-2 → alpha-3 pairs ("PTPRT"), from the same i18n-iso-countries data as
// countries.generated.ts; kept compact because this ships to the browser.
const ALPHA2_TO_ALPHA3 = `
  ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE
  BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS
  BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN
  COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST
  EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF
  GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD
  HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM
  JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA
  LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD
  MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM
  NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG
  PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA
  SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD
  STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON
  TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR
  VNVNM VUVUT WFWLF WSWSM XKXKK YEYEM YTMYT ZAZAF ZMZMB ZWZWE
`;

// IOC/FIFA codes that differ from ISO alpha-3 (only those that are not ISO codes themselves matter).
const SPORTS_TO_ALPHA3 = `
  ALG:DZA ANG:AGO ANT:ATG ARU:ABW ASA:ASM BAH:BHS BAN:BGD BAR:BRB BER:BMU BHU:BTN BIZ:BLZ BOT:BWA
  BRU:BRN BUL:BGR BUR:BFA CAM:KHM CAY:CYM CGO:COG CHA:TCD CHI:CHL CRC:CRI CRO:HRV DEN:DNK ESA:SLV
  FIJ:FJI GAM:GMB GBS:GNB GEQ:GNQ GER:DEU GRE:GRC GRN:GRD GUA:GTM GUI:GIN HAI:HTI HON:HND INA:IDN
  IRI:IRN ISV:VIR IVB:VGB KSA:SAU KUW:KWT LAT:LVA LBA:LBY LES:LSO LIB:LBN MAD:MDG MAS:MYS MAW:MWI
  MGL:MNG MRI:MUS MTN:MRT MYA:MMR NCA:NIC NED:NLD NEP:NPL NGR:NGA NIG:NER OMA:OMN PAR:PRY PHI:PHL
  PLE:PSE POR:PRT PUR:PRI RSA:ZAF SAM:WSM SEY:SYC SIN:SGP SKN:KNA SLO:SVN SOL:SLB SRI:LKA SUD:SDN
  SUI:CHE TAN:TZA TGA:TON TOG:TGO TPE:TWN UAE:ARE URU:URY VAN:VUT VIE:VNM VIN:VCT ZAM:ZMB ZIM:ZWE
`;

// The home nations play under their own codes but are one ISO country.
const UK_NATIONS: ReadonlyMap<string, string> = new Map([
  ["ENG", "England"],
  ["SCO", "Scotland"],
  ["WAL", "Wales"],
  ["NIR", "Northern Ireland"],
]);

// Not ISO at all, but the usual shorthands: UK (exceptionally reserved), EL (the EU's code for Greece).
const SHORTHANDS: ReadonlyMap<string, { alpha2: string; alpha3: string }> = new Map([
  ["UK", { alpha2: "GB", alpha3: "GBR" }],
  ["EL", { alpha2: "GR", alpha3: "GRC" }],
]);

const UNKNOWN_PREFIX = "not an ISO 3166-1 alpha-3 code (the API answers 402).";

interface Lookups {
  alpha2: ReadonlyMap<string, string>;
  sports: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
}

let lookups: Lookups | undefined;

// Built on first use: most imports never meet an unknown country.
function getLookups(): Lookups {
  if (lookups !== undefined) return lookups;
  const alpha2 = new Map<string, string>();
  for (const pair of ALPHA2_TO_ALPHA3.split(/\s+/)) {
    if (pair.length === 5 && isKnownAlpha3(pair.slice(2))) alpha2.set(pair.slice(0, 2), pair.slice(2));
  }
  const sports = new Map<string, string>();
  for (const pair of SPORTS_TO_ALPHA3.split(/\s+/)) {
    const [code, alpha3] = pair.split(":");
    if (code !== undefined && alpha3 !== undefined && !isKnownAlpha3(code) && isKnownAlpha3(alpha3)) {
      sports.set(code, alpha3);
    }
  }
  const byName = new Map(ISO_ALPHA3_COUNTRIES.map(([code, name]) => [name.toLowerCase(), code]));
  lookups = { alpha2, sports, byName };
  return lookups;
}

function named(alpha3: string): string {
  return countryName(alpha3) ?? alpha3;
}

/** What the operator most likely meant by an unknown code, as one sentence; undefined when unclear. */
export function countryCodeHint(code: string): string | undefined {
  const { alpha2, sports, byName } = getLookups();
  const upper = code.toUpperCase();
  const shorthand = SHORTHANDS.get(upper);
  if (shorthand !== undefined) {
    return `${upper} is neither alpha-3 nor the alpha-2 code (${shorthand.alpha2}); use ${shorthand.alpha3}`;
  }
  const nation = UK_NATIONS.get(upper);
  if (nation !== undefined) return `${upper} is not an ISO 3166-1 code; ${nation} is part of GBR`;
  const sport = sports.get(upper);
  if (sport !== undefined) {
    return `${upper} is the IOC/FIFA code; the ISO alpha-3 code for ${named(sport)} is ${sport}`;
  }
  const fromAlpha2 = alpha2.get(upper);
  if (fromAlpha2 !== undefined) {
    return `${upper} is the alpha-2 code; the alpha-3 code for ${named(fromAlpha2)} is ${fromAlpha2}`;
  }
  const fromName = byName.get(code.trim().toLowerCase());
  if (fromName !== undefined) return `write the code ${fromName} instead of the name`;
  return undefined;
}

/** The operator-facing message for an unknown country code. */
export function unknownCountryMessage(code: string): string {
  const hint =
    countryCodeHint(code) ?? `${code} is not a known code; use the three-letter ISO code, e.g. PRT`;
  return `${UNKNOWN_PREFIX} ${hint}`;
}
