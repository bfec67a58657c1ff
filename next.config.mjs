/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // A chunk of subjects sent by the browser is bounded by lib/humanos (MAX_SUBJECTS_PER_SUBMISSION);
      // this limit is set above that bound so the app, not Next, gives the clear message.
      bodySizeLimit: "4mb",
    },
  },
};

export default nextConfig;
