/** `SubmitInventoryToTPK` (SEKRETARIAT, Pasal 9 ayat (2)): no payload; any field is refused. */
export class PergubSubmitInventoryToTpkDto {}
