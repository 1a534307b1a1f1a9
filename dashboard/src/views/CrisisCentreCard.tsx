import type { ReactNode } from 'react';
import { Missing } from '../components/Missing.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import type { CrisisCentre } from './servicesData.ts';

/** One centre and what each sector contributes to it, each facet under its sector's name. */
export function CrisisCentreCard({ centre, unavailable }: { centre: CrisisCentre; unavailable: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const facet = (label: MessageKey, sector: string, value: object | null, rows: () => [MessageKey, ReactNode][]) => (
    <div className="facet" data-facet={label}>
      <h4>{t(label)}</h4>
      {value === null ? (
        <Missing unavailable={unavailable.includes(sector)} />
      ) : (
        <dl>
          {rows().map(([term, detail]) => (
            <div key={term}>
              <dt>{t(term)}</dt>
              <dd>{detail}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
  const c = centre;
  return (
    <article className="card" aria-labelledby={`centre-${c.id}`} data-centre={c.id}>
      <h3 id={`centre-${c.id}`}>{c.name}</h3>
      <p className="muted">
        {c.district} · {t('services.opened')} {c.openedOn ? i18n.date(c.openedOn) : t('notRecorded')}
      </p>
      <div className="facets">
        {facet('services.facet.health', 'health', c.medicalCare, () => [
          ['services.doctors', i18n.number(c.medicalCare!.doctorsOnDuty)],
          ['services.womenDoctors', i18n.number(c.medicalCare!.womenDoctorsOnDuty)],
          ['services.pep', yesNo(c.medicalCare!.postExposureProphylaxis)],
          ['services.forensic', yesNo(c.medicalCare!.forensicExamination)],
        ])}
        {facet('services.facet.police', 'police', c.policeUnit, () => [
          ['services.station', c.policeUnit!.station],
          ['services.officers', i18n.number(c.policeUnit!.officers)],
          ['services.womenOfficers', i18n.number(c.policeUnit!.womenOfficers)],
        ])}
        {facet('services.facet.justice', 'justice', c.legalServices, () => [
          ['services.legalAid', yesNo(c.legalServices!.legalAid)],
          ['services.daysAWeek', i18n.number(c.legalServices!.daysAWeek)],
        ])}
        {facet('services.facet.shelter', 'social-welfare', c.shelter, () => [
          ['services.beds', i18n.number(c.shelter!.beds)],
          ['services.maxStay', i18n.number(c.shelter!.maxStayDays)],
        ])}
        {facet('services.facet.counselling', 'social-welfare', c.counselling, () => [
          ['services.counsellors', i18n.number(c.counselling!.counsellors)],
          ['services.languages', c.counselling!.languages.join(', ')],
        ])}
        {facet('services.facet.education', 'education', c.schoolSupport, () => [
          ['services.liaison', yesNo(c.schoolSupport!.liaisonOfficer)],
          ['services.safeTransfer', yesNo(c.schoolSupport!.safeTransfer)],
        ])}
      </div>
    </article>
  );
}
