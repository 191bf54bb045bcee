import { useEffect, useRef, useState } from 'react';
import { useAuth, useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';
import { errorText } from '../../common/error-text';
import { useShortcuts } from '../../common/use-shortcuts';
import { ActiveCall } from './ActiveCall';
import { CallQueue } from './CallQueue';
import { NewCallForm } from './NewCallForm';

export function CounselorPage() {
  const { api } = useAuth();
  const user = useUser();
  const { t, lang } = useI18n();
  const store = useStore();
  const [activeCallId, setActiveCallId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Calls ended here may still read "active" in the store until their event arrives: never resume those.
  const ended = useRef(new Set<string>());

  // After a reload, resume the call this counselor already has open.
  useEffect(() => {
    if (activeCallId) return;
    const resume = () => {
      const mine = [...store.calls.values()].find(
        (c) => c.status === 'active' && c.counselorId === user.id && !ended.current.has(c.id),
      );
      if (mine) setActiveCallId(mine.id);
    };
    resume();
    return store.subscribe('calls', resume);
  }, [activeCallId, store, user.id]);

  const answer = async (id: string) => {
    setNotice(null);
    try {
      const asOf = store.lastSeq;
      const call = await api.answerCall(id);
      store.seedCalls([call], asOf);
      setActiveCallId(call.id);
    } catch (e) {
      setNotice(errorText(e, t, lang));
    }
  };

  useShortcuts({ 'alt+n': () => setCreating(true) });

  return (
    <div className="counselor-layout">
      <div className="counselor-side">
        <button
          type="button"
          className="btn btn-primary btn-block"
          onClick={() => setCreating(true)}
          disabled={creating}
        >
          {t.counselor.newCall}
        </button>
        {creating ? (
          <NewCallForm
            onStarted={(call) => {
              store.seedCalls([call]);
              setCreating(false);
              setNotice(null);
              setActiveCallId(call.id);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : null}
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        <CallQueue
          userId={user.id}
          activeCallId={activeCallId}
          onAnswer={(id) => void answer(id)}
          onOpen={setActiveCallId}
        />
      </div>
      <div className="counselor-main">
        {activeCallId ? (
          <ActiveCall
            key={activeCallId}
            callId={activeCallId}
            onEnded={() => {
              ended.current.add(activeCallId);
              setActiveCallId(null);
              setNotice(t.counselor.callEnded);
            }}
          />
        ) : (
          <p className="empty-note">{t.counselor.noActiveCall}</p>
        )}
      </div>
    </div>
  );
}
