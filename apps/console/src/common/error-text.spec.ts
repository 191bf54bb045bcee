import { ApiError } from '../api/http';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { errorText } from './error-text';

// A refusal in the reader's language (issue 13 item 6): from its reason, else its code; never the English server
// sentence on a Korean screen.
const onScene = new ApiError(409, {
  statusCode: 409,
  code: 'STATE_CHANGED',
  message: 'Team JUNG-1 is still on scene at 2026-000001; it must clear first',
  reason: 'team-on-scene',
  params: { callsign: 'JUNG-1', number: '2026-000001', teamId: 'x' },
});
const noReason = new ApiError(409, {
  statusCode: 409,
  code: 'CONFLICT',
  message: 'Incident 2026-000001 already has an unanswered offer; withdraw it first',
});

describe('errorText', () => {
  it('words a refusal from its reason, with the names it carries', () => {
    expect(errorText(onScene, ko, 'ko')).toBe(
      'JUNG-1이 아직 현장에 있어 사건을 끝낼 수 없습니다. 팀을 먼저 복귀 처리하세요.',
    );
    expect(errorText(onScene, en, 'en')).toBe(
      'JUNG-1 is still on scene, so the incident cannot end yet. Clear the team first.',
    );
  });

  it('falls back to the code in Korean, and to the server sentence in English', () => {
    expect(errorText(noReason, ko, 'ko')).toBe(ko.refusal.code.CONFLICT);
    expect(errorText(noReason, en, 'en')).toBe(noReason.message);
  });

  it('names the fields of a validation failure, and says something went wrong without a body', () => {
    const invalid = new ApiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input: disposition: Required',
      details: [{ field: 'disposition', message: 'Required' }],
    });
    expect(errorText(invalid, ko, 'ko')).toBe('입력값을 확인하세요: disposition');
    expect(errorText(new TypeError('Failed to fetch'), ko, 'ko')).toBe(ko.app.error);
  });
});
