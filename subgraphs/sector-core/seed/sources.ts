import type { SourceDoc } from '../../kit/provenance.ts';

/*
 * The instruments the sectors' demo duties cite, each named once by its full title. A duty cites
 * one with its section (`{ ...instruments.saSexualOffencesAct, section: 's.65(3)' }`) and quotes
 * only words checked against the text; `uncheckedDutyNote` marks a citation the demo carries over
 * without having checked that the section says it.
 */

export const instruments = {
  // Bangladesh
  bdWomenChildrenRepression: { title: 'Women and Children Repression Prevention Act 2000 (Act VIII of 2000)' },
  bdDomesticViolence: { title: 'Domestic Violence (Prevention and Protection) Act 2010 (Act LVIII of 2010)' },
  bdDna: { title: 'Deoxyribonucleic Acid (DNA) Act 2014' },
  bdChildren: { title: 'Children Act 2013' },
  bdChildMarriage: { title: 'Child Marriage Restraint Act 2017' },
  bdLegalAid: { title: 'Legal Aid Services Act 2000' },
  bdActionPlan: { title: 'National Action Plan to Prevent Violence against Women and Children 2018–2030' },
  bdEducationPolicy: { title: 'National Education Policy 2010' },
  bdHarassmentGuidelines: {
    title:
      'Bangladesh National Women Lawyers Association v Government of Bangladesh (2009), High Court Division guidelines on sexual harassment',
  },
  bdProgramme: { title: 'Multi-Sectoral Programme on Violence Against Women' },
  // England and Wales
  ewDomesticAbuse: { title: 'Domestic Abuse Act 2021', url: 'https://www.legislation.gov.uk/ukpga/2021/17' },
  ewYouthJustice: { title: 'Youth Justice and Criminal Evidence Act 1999' },
  ewDomesticViolenceCrimeVictims: { title: 'Domestic Violence, Crime and Victims Act 2004' },
  ewLegalAid: { title: 'Legal Aid, Sentencing and Punishment of Offenders Act 2012' },
  ewVictims: { title: 'Victims and Prisoners Act 2024' },
  ewVictimsCode: { title: 'Code of Practice for Victims of Crime in England and Wales' },
  ewChildrenSocialWork: { title: 'Children and Social Work Act 2017' },
  ewEducation: { title: 'Education Act 2002' },
  ewKeepingChildrenSafe: { title: 'Department for Education, Keeping Children Safe in Education (statutory guidance)' },
  ewDomesticAbusePlan: { title: 'HM Government, Tackling Domestic Abuse Plan (2022)' },
  ewVawgStrategy: { title: 'HM Government, Tackling Violence Against Women and Girls Strategy (2021)' },
  ewNhs: { title: 'National Health Service Act 2006' },
  ewSarcSpecification: { title: 'NHS England, Service specification for sexual assault referral centres' },
  ewNice: { title: 'NICE public health guideline PH50, Domestic violence and abuse: multi-agency working' },
  ewSexualOffences: { title: 'Sexual Offences Act 2003' },
  // South Africa
  saSexualOffencesAct: {
    title: 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007',
    url: 'https://source.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/index.html',
  },
  saPolicyFramework: { title: 'National Policy Framework for the Management of Sexual Offence Matters' },
  saGbvfPlan: { title: 'National Strategic Plan on Gender-Based Violence and Femicide 2020–2030' },
  saForensicProcedures: { title: 'Criminal Law (Forensic Procedures) Amendment Act 37 of 2013' },
  saChildren: { title: "Children's Act 38 of 2005" },
  saVictimsCharter: { title: 'Service Charter for Victims of Crime in South Africa' },
  saSchoolsProtocol: {
    title: 'Department of Basic Education, Protocol for the Management and Reporting of Sexual Abuse and Harassment in Schools (2019)',
  },
  saCaps: { title: 'Curriculum and Assessment Policy Statement, Life Orientation' },
  saEducators: { title: 'Employment of Educators Act 76 of 1998' },
} satisfies Record<string, SourceDoc>;

/** Said of a duty whose citation the demo has not checked against the source's text. */
export const uncheckedDutyNote =
  "The duty is the demo's summary; that the cited provision allocates it to this sector was not checked against the source's text.";
