// The conversion lives in the domain (working hours need it too); re-exported for the jobs.
export { localTimeToInstant } from "../domain/working-hours";
