import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

function Fallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-fallback" role="alert">
      <p className="error">{t.app.error}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t.app.retry}
      </button>
    </div>
  );
}

/** Keeps one broken part (say, the map) from blanking the whole console. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('console component failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <Fallback onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
