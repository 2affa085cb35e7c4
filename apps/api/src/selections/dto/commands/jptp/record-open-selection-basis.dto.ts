import { ReasonDto } from '../common/reason.dto.js';

/** `RecordOpenSelectionBasis` (SEKRETARIAT): why open selection is used (A-BASIS). */
export class JptpRecordOpenSelectionBasisDto extends ReasonDto {}
