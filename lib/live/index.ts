export { postEntry } from "./post-entry";
export { editEntry } from "./edit-entry";
export { approveEntry } from "./approve-entry";
export { deleteEntry } from "./delete-entry";
export { setCoverage } from "./coverage";
export { coverageOf, type Coverage } from "./coverage-state";
export { listEntries } from "./list-entries";
