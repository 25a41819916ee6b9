// The camera screen (扫码): the live picture facing the resident, a framing guide, the hint and a large 取消.
// The camera is opened when this screen appears and released whenever it goes (scan, 取消, idle wipe, error).

import { useEffect, useRef, useState } from 'preact/hooks';
import type { CameraHandlers, VideoLike } from '../devices/camera.ts';
import { BigButton, Frame, type ScreenProps } from './parts.tsx';

export type OpenCamera = (video: VideoLike, handlers: CameraHandlers) => () => void;

export function CameraScreen(props: ScreenProps<'camera'> & { openCamera: OpenCamera }) {
  const { emit, t, openCamera } = props;
  const videoRef = useRef<HTMLVideoElement>(null);
  const [isLive, setLive] = useState(false);
  useEffect(() => {
    const video = videoRef.current;
    if (video === null) return;
    // The returned stop is the effect's cleanup: leaving this screen for any reason releases the camera.
    return openCamera(video, { onScan: (text) => emit({ type: 'scan', text }), onError: (code) => emit({ type: 'camera-error', code }) });
  }, [openCamera]);
  return (
    <Frame title={t('cameraTitle')} variant="camera-screen" footer={<BigButton label={t('cancel')} tone="primary" onPress={() => emit({ type: 'back' })} />}>
      <p class="lead camera-hint" role="status" aria-live="polite">{t('cameraHint')}</p>
      <div class="camera-view">
        {/* Mirrored like a looking-glass so a resident's hand moves the way they expect; frames are decoded unmirrored. */}
        <video ref={videoRef} class="camera-video" autoplay muted playsInline aria-hidden="true" onPlaying={() => setLive(true)} />
        <div class="camera-guide" aria-hidden="true" />
        {isLive ? null : <p class="camera-starting">{t('cameraStarting')}</p>}
      </div>
    </Frame>
  );
}
