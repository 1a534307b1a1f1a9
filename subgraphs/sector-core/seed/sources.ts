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

/** Sections of the South African Act that several sectors cite, checked against its text. */
const saSections = 'https://source.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007';

/** s.65(3), as substituted by Act 24 of 2015: the yearly reports of the departments to Parliament. */
export const saAnnualReports: SourceDoc = {
  ...instruments.saSexualOffencesAct,
  section: 's.65(3) (as substituted by Act 24 of 2015)',
  quote: 'not later than 30 September of every year',
  url: `${saSections}/65__responsibilities__function.php`,
};

/** s.62(1): what the national policy framework is for. */
export const saFrameworkAims = {
  uniform: {
    ...instruments.saSexualOffencesAct,
    section: 's.62(1)(a) and (2)',
    quote:
      'ensure a uniform and co-ordinated approach by all Government departments and institutions in dealing with matters relating to sexual offences',
    url: `${saSections}/62__national_policy_framework.php`,
  },
  services: {
    ...instruments.saSexualOffencesAct,
    section: 's.62(1)(c)',
    quote:
      'enhance the delivery of service as envisaged in this Act by the development of a plan for the progressive realisation of services for victims of sexual offences within available resources',
    url: `${saSections}/62__national_policy_framework.php`,
  },
} satisfies Record<string, SourceDoc>;

/** s.65(1): what the Inter-sectoral Committee is responsible for. */
export const saCommitteeDuties = {
  roles: {
    ...instruments.saSexualOffencesAct,
    section: 's.65(1)(c)',
    quote:
      'ensuring that the different organs of state comply with the primary and supporting roles and responsibilities allocated to them in terms of the national policy framework and this Act',
    url: `${saSections}/65__responsibilities__function.php`,
  },
} satisfies Record<string, SourceDoc>;

/** Said of a duty the Domestic Abuse Act 2021 places on local authorities, which the demo gives a ministry. */
export const localAuthorityDutyNote =
  "The Act places the duty on each relevant local authority in England; that the ministry answers for it, as the demo's social welfare sector, is the demo's reading.";

/** Chapter 5 of the Act and its Regulations: what victims of sexual offences are given. */
export const saVictimServices = {
  prophylaxis: {
    ...instruments.saSexualOffencesAct,
    section: 's.28(1)(a) and s.29(1)',
    quote:
      'receive PEP for HIV infection, at a public health establishment designated from time to time by the cabinet member responsible for health',
    url: 'https://www.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/28__services_for_victims_relat.php',
  },
  informed: {
    ...instruments.saSexualOffencesAct,
    section: 's.28(3)(a)',
    quote: 'importance of obtaining PEP for HIV infection within 72 hours after the alleged sexual offence took place',
    url: 'https://www.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/28__services_for_victims_relat.php',
  },
  medicoLegalReport: {
    title: 'Criminal Law (Sexual Offences and Related Matters) Regulations, made under Act 32 of 2007',
    section: 'Regulation 2(1)',
    quote: 'must complete the J88 form',
    url: 'http://www.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/r561_2__reporting_of_an_allege.php',
  },
} satisfies Record<string, SourceDoc>;

/** s.54(1)(a): everyone's duty to report a sexual offence against a child. */
export const saReportingDuty: SourceDoc = {
  ...instruments.saSexualOffencesAct,
  section: 's.54(1)(a)',
  quote:
    'A person who has knowledge that a sexual offence has been committed against a child must report such knowledge immediately to a police official.',
  url: 'https://en.wikisource.org/wiki/Criminal_Law_(Sexual_Offences_and_Related_Matters)_Amendment_Act,_2007/Chapter_7',
};

/** The programme's own account of what each Bangladesh ministry does in it. */
export const bdMinistryRoles: SourceDoc = {
  title: 'Multi-Sectoral Programme on Violence Against Women: Coordination with Concern Ministries',
  section: 'Ministry of Health and Family Welfare',
  url: 'http://mspvaw.gov.bd/index.php?option=com_content&view=article&id=181&Itemid=143',
};
