import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import { Bodies } from '../views/Bodies.tsx';
import { Compliance } from '../views/Compliance.tsx';
import { FrameworkStatus } from '../views/FrameworkStatus.tsx';
import { Indicators } from '../views/Indicators.tsx';
import { Pathway } from '../views/Pathway.tsx';
import { SectorHealth } from '../views/SectorHealth.tsx';
import { Services } from '../views/Services.tsx';

export interface View {
  /** Its address: #/<id>. */
  id: string;
  label: MessageKey;
  component: ComponentType;
}

/** The dashboard's views in menu order; the first opens by default. */
export const views: View[] = [
  { id: 'status', label: 'view.status', component: FrameworkStatus },
  { id: 'compliance', label: 'view.compliance', component: Compliance },
  { id: 'bodies', label: 'view.bodies', component: Bodies },
  { id: 'services', label: 'view.services', component: Services },
  { id: 'pathway', label: 'view.pathway', component: Pathway },
  { id: 'indicators', label: 'view.indicators', component: Indicators },
  { id: 'health', label: 'view.health', component: SectorHealth },
];
