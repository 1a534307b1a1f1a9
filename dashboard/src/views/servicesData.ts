/** The services view's one request: crisis centres with every sector's facet, and every sector's service points. */

/** A kind such as CRISIS_CENTRE; kept open so a kind added to the graph later still shows. */
export type ServicePointKind = string;

export interface ServicePoint {
  id: string;
  name: string;
  kind: ServicePointKind;
  place: string;
  district: string;
  open24Hours: boolean;
  capacity: { amount: number; unit: string } | null;
}

export interface CrisisCentre {
  id: string;
  name: string;
  hospital: string;
  district: string;
  openedOn: string | null;
  medicalCare: { doctorsOnDuty: number; womenDoctorsOnDuty: number; postExposureProphylaxis: boolean; forensicExamination: boolean } | null;
  policeUnit: { station: string; officers: number; womenOfficers: number } | null;
  legalServices: { legalAid: boolean; daysAWeek: number } | null;
  shelter: { beds: number; maxStayDays: number } | null;
  counselling: { counsellors: number; languages: string[] } | null;
  schoolSupport: { liaisonOfficer: boolean; safeTransfer: boolean } | null;
}

export interface ServicesData {
  crisisCentres: CrisisCentre[];
  sectors: { id: string; name: string; servicePoints: ServicePoint[] | null }[];
}

export const servicesQuery = /* GraphQL */ `
  query DashboardServices {
    crisisCentres {
      id
      name
      hospital
      district
      openedOn
      medicalCare {
        doctorsOnDuty
        womenDoctorsOnDuty
        postExposureProphylaxis
        forensicExamination
      }
      policeUnit {
        station
        officers
        womenOfficers
      }
      legalServices {
        legalAid
        daysAWeek
      }
      shelter {
        beds
        maxStayDays
      }
      counselling {
        counsellors
        languages
      }
      schoolSupport {
        liaisonOfficer
        safeTransfer
      }
    }
    sectors {
      id
      name
      servicePoints {
        id
        name
        kind
        place
        district
        open24Hours
        capacity {
          amount
          unit
        }
      }
    }
  }
`;

/** Service points counted by district (rows) and kind (columns), districts in alphabetical order. */
export function countByDistrictAndKind(points: ServicePoint[]): {
  districts: string[];
  kinds: ServicePointKind[];
  count(district: string, kind: ServicePointKind): number;
} {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(`${p.district}\u0000${p.kind}`, (counts.get(`${p.district}\u0000${p.kind}`) ?? 0) + 1);
  const districts = [...new Set(points.map((p) => p.district))].sort();
  const kinds = [...new Set(points.map((p) => p.kind))].sort();
  return { districts, kinds, count: (district, kind) => counts.get(`${district}\u0000${kind}`) ?? 0 };
}

/**
 * Service points in one group per district, districts in alphabetical order, each group's points
 * by name: the list a person opens one district at a time.
 */
export function groupByDistrict<P extends Pick<ServicePoint, 'district' | 'name'>>(points: P[]): { district: string; points: P[] }[] {
  const groups = new Map<string, P[]>();
  for (const p of points) groups.set(p.district, [...(groups.get(p.district) ?? []), p]);
  return [...groups.keys()]
    .sort()
    .map((district) => ({ district, points: groups.get(district)!.sort((a, b) => a.name.localeCompare(b.name)) }));
}
