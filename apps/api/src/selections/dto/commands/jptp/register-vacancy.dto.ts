import { VacancyDto } from '../../shared/vacancy.dto.js';

/** `RegisterVacancy` (SEKRETARIAT, planning): a post of the selection (A-VAC decides the rest). */
export class JptpRegisterVacancyDto extends VacancyDto {}
