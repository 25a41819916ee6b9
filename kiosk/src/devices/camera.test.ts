// Proves the kiosk camera session over fake media devices: a camera is offered only when a videoinput is listed, the
// detector loads once in idle time, a decoded code reaches onScan, and the camera is released on stop, on a stop
// that comes before the camera opened, on a denied permission (camera_denied) and on an unplugged camera.
import { describe, expect, it, vi } from 'vitest';
import type { DetectorChoice } from '../../../hardware/scanner/camera.ts';
import { cameraConstraints, cameraErrorCode, createCamera, type MediaStreamLike, type VideoLike } from './camera.ts';

function fakeTrack() {
  const track = { isStopped: false, onEnded: [] as (() => void)[], stop() { track.isStopped = true; }, addEventListener(_type: 'ended', listener: () => void) { track.onEnded.push(listener); } };
  return track;
}

function fakeMedia(kinds: string[], open?: () => Promise<MediaStreamLike>) {
  const track = fakeTrack();
  const getUserMedia = vi.fn((_constraints: MediaStreamConstraints) => (open ? open() : Promise.resolve({ getTracks: () => [track] })));
  return { track, media: { enumerateDevices: async () => kinds.map((kind) => ({ kind })), getUserMedia } };
}

const fakeVideo = (): VideoLike => ({ srcObject: null, muted: false, play: async () => undefined });
const detecting = (codes: string[]): DetectorChoice => ({ ok: true, kind: 'fallback', value: { detect: async () => codes.splice(0, 1).map((rawValue) => ({ rawValue })) } });

describe('createCamera', () => {
  it('is available only when a videoinput is listed, and then loads the detector once in idle time', async () => {
    const loadDetector = vi.fn(async () => detecting([]));
    const idle: (() => void)[] = [];
    const none = createCamera({ media: fakeMedia(['audioinput']).media, loadDetector, whenIdle: (work) => idle.push(work) });
    await none.detect();
    expect(none.isAvailable()).toBe(false);
    expect(idle).toHaveLength(0);
    const some = createCamera({ media: fakeMedia(['audioinput', 'videoinput']).media, loadDetector, whenIdle: (work) => idle.push(work) });
    await some.detect();
    expect(some.isAvailable()).toBe(true);
    expect(loadDetector).not.toHaveBeenCalled();
    idle.forEach((work) => work());
    some.open(fakeVideo(), { onScan: () => undefined, onError: () => undefined })();
    await vi.waitFor(() => expect(loadDetector).toHaveBeenCalledTimes(1));
    expect(createCamera({ media: undefined }).isAvailable()).toBe(false);
  });

  it('opens the front camera, reports a decoded code, and releases the camera on stop', async () => {
    const { media, track } = fakeMedia(['videoinput']);
    const camera = createCamera({ media, loadDetector: async () => detecting(['LL1.V00000042.sig']) });
    const video = fakeVideo();
    const onScan = vi.fn();
    const stop = camera.open(video, { onScan, onError: () => undefined });
    await vi.waitFor(() => expect(onScan).toHaveBeenCalledWith('LL1.V00000042.sig'));
    expect(media.getUserMedia).toHaveBeenCalledWith(cameraConstraints);
    expect(video.srcObject).not.toBeNull();
    stop();
    expect(track.isStopped).toBe(true);
    expect(video.srcObject).toBeNull();
  });

  it('stops a camera that opens after the screen already ended', async () => {
    let resolveOpen: (stream: MediaStreamLike) => void = () => undefined;
    const late = fakeTrack();
    const { media } = fakeMedia(['videoinput'], () => new Promise((resolve) => { resolveOpen = resolve; }));
    const camera = createCamera({ media, loadDetector: async () => detecting([]) });
    const video = fakeVideo();
    const stop = camera.open(video, { onScan: () => undefined, onError: () => undefined });
    await vi.waitFor(() => expect(media.getUserMedia).toHaveBeenCalled());
    stop();
    resolveOpen({ getTracks: () => [late] });
    await vi.waitFor(() => expect(late.isStopped).toBe(true));
    expect(video.srcObject).toBeNull();
  });

  it('reports camera_denied for a refused permission and camera_failed with no detector, without opening the camera', async () => {
    const denied = fakeMedia(['videoinput'], async () => { throw new DOMException('Permission denied', 'NotAllowedError'); });
    const onError = vi.fn();
    createCamera({ media: denied.media, loadDetector: async () => detecting([]) }).open(fakeVideo(), { onScan: () => undefined, onError });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith('camera_denied'));
    const unsupported = fakeMedia(['videoinput']);
    const onUnsupported = vi.fn();
    createCamera({ media: unsupported.media, loadDetector: async () => ({ ok: false, code: 'camera_scanning_unsupported' }) }).open(fakeVideo(), { onScan: () => undefined, onError: onUnsupported });
    await vi.waitFor(() => expect(onUnsupported).toHaveBeenCalledWith('camera_failed'));
    expect(unsupported.media.getUserMedia).not.toHaveBeenCalled();
  });

  it('reports camera_failed once and releases the camera when its track ends (unplugged)', async () => {
    const { media, track } = fakeMedia(['videoinput']);
    const onError = vi.fn();
    const video = fakeVideo();
    createCamera({ media, loadDetector: async () => detecting([]) }).open(video, { onScan: () => undefined, onError });
    await vi.waitFor(() => expect(track.onEnded).toHaveLength(1));
    track.onEnded.forEach((listener) => listener());
    track.onEnded.forEach((listener) => listener());
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('camera_failed');
    expect(track.isStopped).toBe(true);
    expect(video.srcObject).toBeNull();
  });

  it('names only refusals camera_denied', () => {
    expect(cameraErrorCode(new DOMException('x', 'NotAllowedError'))).toBe('camera_denied');
    expect(cameraErrorCode(new DOMException('x', 'SecurityError'))).toBe('camera_denied');
    expect(cameraErrorCode(new DOMException('x', 'NotReadableError'))).toBe('camera_failed');
    expect(cameraErrorCode('broken')).toBe('camera_failed');
  });
});
