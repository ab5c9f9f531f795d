import { execFileSync, spawnSync } from 'node:child_process';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

function which(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Debian's chromium for browser tests (Playwright's own download cannot reach its CDN here). When it is
 * missing and we are root (CI, a fresh machine), it is installed with apt; otherwise the error says how.
 */
export function ensureChromium(): { executablePath: string; args: string[] } {
  const existing = process.env.CHROMIUM_PATH ?? which('chromium') ?? which('chromium-browser');
  if (existing) return { executablePath: existing, args: FLAGS };
  if (process.getuid?.() !== 0) {
    throw new Error('tests/setup: chromium is not installed; run "sudo apt-get install -y chromium" or set CHROMIUM_PATH');
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = which('chromium');
  if (!installed) throw new Error('tests/setup: apt-get installed chromium but it is not on the PATH');
  return { executablePath: installed, args: FLAGS };
}
