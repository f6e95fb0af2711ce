// Whether the library is open, and with which key. A new library is first set up (encrypted with
// a passphrase, recommended, or plain); an encrypted one starts locked and opens with its
// passphrase; locking drops the key and everything decrypted with it. Every handler asks this
// for the open library, so nothing reads the library while it is locked.
import { stat } from 'node:fs/promises';
import { DeskError } from './desk-error';
import { libraryFilePath } from './data-paths';
import { Library } from './library';
import { readStarterGlossary } from './starter-glossary';
import { changePassphrase, createKeyring, isEncryptedLibrary, rollBackHalfKeyring, unlockKeyring, type KeyringOptions } from './storage/encryption/keyring';
import { encryptPlainFiles } from './storage/encryption/convert-library';
import { FileStore } from './storage/file-store';
import { sweepLeftovers } from './storage/leftovers';
import type { LibraryLock } from './storage/library-lock';
import { TranslationMemory } from './translation-memory';

export type LibraryState = 'new' | 'locked' | 'open';

export type OpenLibrary = { library: Library; memory: TranslationMemory; store: FileStore };

export type SessionOptions = {
  dataDir: string;
  resourcesDir: string;
  lock: LibraryLock;
  now?: () => Date;
  /** Tests and the command line may create a plain library without asking. */
  createIfNew?: 'plain';
  keyring?: KeyringOptions;
};

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

export class LibrarySession {
  private current: OpenLibrary | null = null;
  private encryptedLibrary = false;
  private fresh = false;
  private readonly openedListeners: ((opened: OpenLibrary) => void)[] = [];

  constructor(readonly options: SessionOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** What was done about an interrupted encryption when the library opened (rolled back, finished), for the window to say. */
  keyringNotice: string | null = null;

  /** Sweeps leftovers, then opens a plain library at once; an encrypted one waits for its passphrase. */
  async start(): Promise<void> {
    if (!this.options.lock.readOnly) {
      await sweepLeftovers(this.dataDir);
      if (await rollBackHalfKeyring(this.dataDir)) {
        this.keyringNotice =
          'An earlier “Encrypt this library” was interrupted before any file was encrypted, and has been rolled back: this library is still not encrypted, and nothing was lost. Encrypt it again in Settings › Security.';
      }
    }
    this.encryptedLibrary = await isEncryptedLibrary(this.dataDir);
    this.fresh = !this.encryptedLibrary && !(await exists(libraryFilePath(this.dataDir)));
    if (this.fresh && this.options.createIfNew === 'plain') await this.setUp('plain');
    else if (!this.fresh && !this.encryptedLibrary) await this.openWith(new FileStore(null));
  }

  get state(): LibraryState {
    if (this.current) return 'open';
    return this.fresh ? 'new' : 'locked';
  }

  get encrypted(): boolean {
    return this.encryptedLibrary;
  }

  /** Called each time the library opens (after setup or unlock). */
  onOpened(listener: (opened: OpenLibrary) => void): void {
    this.openedListeners.push(listener);
  }

  /** First start: an encrypted library (returns its recovery key, shown once) or a plain one. */
  async setUp(mode: 'encrypted' | 'plain', passphrase = ''): Promise<{ recoveryKey: string | null }> {
    if (!this.fresh) throw new DeskError('refused', 'This library is already set up.');
    let recoveryKey: string | null = null;
    let store = new FileStore(null);
    if (mode === 'encrypted') {
      const created = await createKeyring(this.dataDir, passphrase, this.options.keyring);
      recoveryKey = created.recoveryKey;
      store = new FileStore(created.cipher);
      this.encryptedLibrary = true;
    }
    this.fresh = false;
    const opened = await this.openWith(store);
    await opened.library.saveGlossary(await readStarterGlossary(this.options.resourcesDir));
    return { recoveryKey };
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.current) return;
    if (!this.encryptedLibrary) throw new DeskError('refused', 'This library is not encrypted.');
    const store = new FileStore(await unlockKeyring(this.dataDir, passphrase));
    // A conversion that was interrupted goes on: what is still plain is encrypted now.
    if (!this.options.lock.readOnly) {
      const finished = await encryptPlainFiles(this.dataDir, store);
      if (finished.length > 0) {
        this.keyringNotice = `An earlier “Encrypt this library” was interrupted; it has been finished now: ${finished.length} file${finished.length === 1 ? ' that was' : 's that were'} still not encrypted ${finished.length === 1 ? 'is' : 'are'} encrypted.`;
      }
    }
    await this.openWith(store);
  }

  /**
   * Encrypts an open plain library in place (resumable: see convert-library.ts). Returns the
   * recovery key to show once and the files that were replaced.
   */
  async encrypt(passphrase: string): Promise<{ recoveryKey: string; replaced: string[] }> {
    if (this.encryptedLibrary) throw new DeskError('refused', 'This library is already encrypted.');
    const { store } = this.open();
    const created = await createKeyring(this.dataDir, passphrase, this.options.keyring);
    this.encryptedLibrary = true;
    // The open library's own store takes the key first, so work still running (a waveform being
    // drawn) writes sealed from now on; then every plain file is replaced, and a second pass
    // catches anything written while the first ran. An interruption is finished at the next unlock.
    store.useCipher(created.cipher);
    const replaced = await encryptPlainFiles(this.dataDir, store);
    replaced.push(...(await encryptPlainFiles(this.dataDir, store)));
    return { recoveryKey: created.recoveryKey, replaced };
  }

  /** Drops the key and every decrypted document; the library must be unlocked again. */
  lock(): void {
    if (!this.encryptedLibrary || !this.current) return;
    void this.current.library.stopBackgroundWork();
    this.current.store.forget();
    this.current = null;
  }

  /** The window is closing (or a test is done): nothing scheduled may write into the library after its lock is released. */
  async close(): Promise<void> {
    await this.current?.library.stopBackgroundWork();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    if (!this.encryptedLibrary) throw new DeskError('refused', 'This library is not encrypted.');
    await changePassphrase(this.dataDir, current, next, this.options.keyring);
  }

  /** The open library, or a clear refusal while it is locked or not set up. */
  open(): OpenLibrary {
    if (this.current) return this.current;
    throw new DeskError('locked', this.fresh ? 'Choose how to keep this library first.' : 'The library is locked. Unlock it with its passphrase.');
  }

  /** The open library's store, or null while locked (the media route answers 404 then). */
  get storeOrNull(): FileStore | null {
    return this.current?.store ?? null;
  }

  private async openWith(store: FileStore): Promise<OpenLibrary> {
    const library = await Library.open(this.dataDir, this.options.now, { readOnly: this.options.lock.readOnly, store });
    const memory = new TranslationMemory({ ids: () => library.interviewIds(), index: (id) => library.memoryIndex(id) });
    library.onInterviewChanged((id) => memory.invalidate(id));
    this.current = { library, memory, store };
    for (const listener of this.openedListeners) listener(this.current);
    return this.current;
  }
}
