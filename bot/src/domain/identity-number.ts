// The one detector of personal identity and coordination numbers lives in the shared contract, so
// the same rule guards the request and card schemas at the boundary and the import's CSV cells here.
export { looksLikePersonalIdentityNumber, normaliseForDetection, PERSONAL_IDENTITY_NUMBER_REFUSED } from "@fact-board/contract";
