// The till's camera scan: reads the depositor's QR with the phone camera into the code field, which stays for pasting.
// BarcodeDetector where the browser has it; otherwise jsQR (wwwroot/lib/jsqr, fetched only then) on the video frames.
(function () {
    const start = document.getElementById('scanStart');
    const field = document.getElementById('Redeem_Code');
    if (!start || !field) return;
    const box = document.getElementById('scanBox');
    const video = document.getElementById('scanVideo');
    const stop = document.getElementById('scanStop');
    const status = document.getElementById('scanStatus');
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let stream = null;
    let detector = null;

    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { start.hidden = true; return; }

    function end() {
        if (stream) stream.getTracks().forEach(t => t.stop());
        stream = null;
        video.srcObject = null;
        box.hidden = true;
        start.hidden = false;
    }

    async function decode() {
        if (detector) {
            const found = await detector.detect(video);
            return found.length ? found[0].rawValue : null;
        }
        if (typeof jsQR !== 'function' || !video.videoWidth) return null;
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        return found ? found.data : null;
    }

    async function tick() {
        if (!stream) return;
        try {
            const text = video.readyState >= 2 ? await decode() : null;
            if (text) {
                field.value = text.trim();
                end();
                field.form.querySelector('select, button')?.focus();
                return;
            }
        } catch (e) { /* a frame that cannot be read yet: try the next one */ }
        requestAnimationFrame(tick);
    }

    function loadFallback() {
        if (typeof jsQR === 'function') return Promise.resolve();
        return new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = start.dataset.fallback;
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }

    start.addEventListener('click', async () => {
        try {
            if ('BarcodeDetector' in window && (await BarcodeDetector.getSupportedFormats()).includes('qr_code'))
                detector = new BarcodeDetector({ formats: ['qr_code'] });
            else
                await loadFallback();
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
            video.srcObject = stream;
            await video.play();
            box.hidden = false;
            start.hidden = true;
            status.textContent = status.dataset.aim;
            requestAnimationFrame(tick);
        } catch (e) {
            end();
            status.textContent = status.dataset.failed;
        }
    });
    stop.addEventListener('click', end);
    window.addEventListener('pagehide', end);
})();
