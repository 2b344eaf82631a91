// DAP ids for things that belong to one stopped session (frames, variable containers), mapped to the runtime's
// per-session ids. Invariant: ids are never reused, and a session's ids die when it runs again, while the ids of
// other sessions that stay stopped remain valid (several sessions can be stopped at once).

export type VariableContainer =
  /** A scope or expandable value the runtime knows by `reference`. */
  | { kind: 'runtime'; session: number; reference: number }
  /** The adapter's own Session scope and its Parameters row. */
  | { kind: 'sessionScope'; session: number }
  | { kind: 'sessionParameters'; session: number };

export interface FrameRef {
  session: number;
  frame: number;
}

export class SessionReferences {
  private next = 1;
  private readonly frames = new Map<number, FrameRef>();
  private readonly containers = new Map<number, VariableContainer>();

  frameId(ref: FrameRef): number {
    const id = this.next++;
    this.frames.set(id, ref);
    return id;
  }

  frame(id: number): FrameRef | undefined {
    return this.frames.get(id);
  }

  containerId(container: VariableContainer): number {
    const id = this.next++;
    this.containers.set(id, container);
    return id;
  }

  container(id: number): VariableContainer | undefined {
    return this.containers.get(id);
  }

  /** The session runs again (or ended): its frames and values are gone. */
  release(session: number): void {
    for (const [id, ref] of this.frames) if (ref.session === session) this.frames.delete(id);
    for (const [id, ref] of this.containers) if (ref.session === session) this.containers.delete(id);
  }
}
