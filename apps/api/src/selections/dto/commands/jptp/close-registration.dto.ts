/** `CloseRegistration` (SYSTEM at the deadline, or SEKRETARIAT): no payload; any field is refused. */
export class JptpCloseRegistrationDto {}
