/**
 * What a server process keeps in memory only until the data changes (the kept pages, the kept query
 * results): a data version raised by every change heard (`invalidate`), and whether changes are heard
 * at all; while they are not, nothing is kept or reused, and what was kept before is dropped.
 */
export abstract class KeptUntilChange {
  private dataVersion = 0;

  constructor(private listening = false) {}

  /** How long anything is kept at most; 0 keeps nothing. */
  protected abstract get maxAge(): number;

  /** Drops everything kept. */
  protected abstract forget(): void;

  /** The data version what is read from now on belongs to. */
  get version() {
    return this.dataVersion;
  }

  get enabled() {
    return this.listening && this.maxAge > 0;
  }

  /** Whether changes to the data are being heard; while not, nothing is kept or reused. */
  setListening(listening: boolean) {
    if (!listening) this.invalidate();
    this.listening = listening;
  }

  /** The data changed: everything kept so far is out of date. */
  invalidate() {
    this.dataVersion++;
    this.forget();
  }
}
