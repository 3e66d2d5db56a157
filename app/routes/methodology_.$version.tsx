// An earlier (or the current) methodology version, by its version id: the same page as /methodology.
export { default, loader, meta } from "./methodology";
