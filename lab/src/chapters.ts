/**
 * The lab's chapters, in the order the ideas build on each other (DESIGN.md). A chapter's page
 * is lab/chapters/<slug>.html; until it exists the landing page shows the card as "coming soon".
 */
export interface Chapter {
  number: number;
  slug: string;
  title: string;
  /** One paragraph for the landing page. */
  summary: string;
  /** What the reader gets to touch, as a few words. */
  tags: string[];
}

export const CHAPTERS: readonly Chapter[] = [
  {
    number: 1,
    slug: 'convolution',
    title: 'What is convolution',
    summary:
      'Slide a small grid of weights — a kernel — across a signal or an image and, at every position, add up the products. ' +
      'A box kernel blurs, a Gaussian blurs smoothly, Sobel finds edges, sharpen does the opposite of blur. ' +
      'On a colour photo the same kernel runs over each channel and gives one feature map per channel.',
    tags: ['kernels', 'boundaries', 'same / full / valid'],
  },
  {
    number: 2,
    slug: 'theorem',
    title: 'The convolution theorem (FFT)',
    summary:
      'Convolution in space is multiplication in frequency. The fast Fourier transform turns an O(n·k) sliding sum into ' +
      'two transforms and a pointwise product, which wins once kernels grow large. Watch the direct and FFT methods agree to ' +
      'the last digit, and see where each one is faster.',
    tags: ['FFT', 'spectra', 'direct vs FFT'],
  },
  {
    number: 3,
    slug: 'frequency',
    title: 'The frequency domain',
    summary:
      "An image's spectrum says which stripes it is made of: their spacing, their direction, their strength. " +
      'Cut frequencies to filter, keep only the strongest coefficients to compress, and read the dominant orientation of a ' +
      'texture straight off its spectrum.',
    tags: ['low/high-pass', 'compression', 'orientation'],
  },
  {
    number: 4,
    slug: 'correlation',
    title: 'Cross-correlation as search',
    summary:
      'Correlation is convolution without the flip: it scores how well a pattern matches at every offset. ' +
      'Find a short snippet in a long signal, or a template in a photo, and compare the six scores template matching uses.',
    tags: ['template matching', 'normalised scores', 'peaks'],
  },
  {
    number: 5,
    slug: 'diffusion',
    title: 'Diffusion',
    summary:
      'Read a kernel as a probability density and convolution becomes a random step: heat spreading, ink diffusing in water. ' +
      'Repeated Gaussian blurs are the heat equation, and averaging many sampled random steps converges to the ordinary convolution.',
    tags: ['heat equation', 'random walks', 'Monte Carlo'],
  },
  {
    number: 6,
    slug: 'statistics',
    title: 'Statistics as convolution',
    summary:
      'A moving average is a convolution; so is an autoregressive model run forwards. Generate white noise, colour it with a ' +
      'kernel, fit ARIMA models to real series, and whiten the residuals back to noise.',
    tags: ['moving averages', 'ARIMA', 'whitening'],
  },
  {
    number: 7,
    slug: 'cnn',
    title: 'Learned kernels (CNN)',
    summary:
      'Instead of designing kernels, learn them. Train a small convolutional network on Fashion-MNIST in your browser, ' +
      'watch the loss fall, and look at the edge- and texture-detectors its first layer discovers on its own.',
    tags: ['training', 'feature maps', 'Fashion-MNIST'],
  },
  {
    number: 8,
    slug: 'search',
    title: 'Fashion search',
    summary:
      'Squeeze each garment through a convolutional autoencoder into a short code, then search by code: pick a shoe, a bag or ' +
      'a dress and find the garments of similar shape, whatever their colour.',
    tags: ['autoencoder', 'embeddings', 'nearest neighbours'],
  },
];
