// Varied text for the marketplace benchmark (bench/marketplace.js): titles and descriptions of capabilities
// and needs, composed from word pools with a fixed-seed PRNG. With some thirty titles and one description
// for 20,000 capabilities and 400 needs, every listing a search found held the same words (ranking compared
// identical texts, snippets cut the same sentence): work no real marketplace asks for. Here a word like
// "model" is in some listings, as in the alliance's real ones; about one description in seven is German,
// so both search configurations find something. (Proposals keep bench/seed.js's one body, which the main
// benchmark shares.)

/** What each kind of capability offers: the resource, phrased a few ways. */
const RESOURCES = {
  GPU_COMPUTE: ['H100 GPU partition', 'A100 cluster time', 'GH200 nodes', 'MI300X accelerator nodes', 'L40S inference nodes', 'GPU island with NVLink', 'Booster module GPU hours'],
  HPC_COMPUTE: ['Tier-0 supercomputer allocation', 'CPU partition', 'HPC cluster access', 'large-memory nodes', 'Arm-based CPU nodes', 'capacity computing queue'],
  STORAGE: ['sovereign object storage', 'parallel file system', 'long-term tape archive', 'S3-compatible storage', 'NVMe burst buffer', 'encrypted data vault'],
  DATASET: ['annotated urban driving recordings', 'highway recordings with rare events', 'winter driving recordings', 'parking manoeuvre dataset', 'in-cabin camera dataset', 'HD map tiles'],
  DATA_SERVICES: ['data annotation service', 'anonymisation pipeline', 'data curation and quality checks', 'GDPR-compliant processing', 'labelling workforce', 'data catalogue hosting'],
  SIMULATION: ['scenario simulation', 'digital twin of test tracks', 'sensor simulation', 'crash simulation', 'CFD simulation service', 'hardware-in-the-loop rigs'],
  SYNTHETIC_DATA_GENERATION: ['synthetic sensor data', 'generative scene synthesis', 'synthetic lidar point clouds', 'procedural city generation', 'synthetic pedestrians', 'weather augmentation'],
  MODEL_TRAINING_SUPPORT: ['MLOps support', 'distributed training support', 'fine-tuning support', 'hyperparameter search service', 'model compression support', 'training pipeline review'],
  MODEL_BENCHMARKING: ['benchmarking service', 'independent evaluation', 'robustness benchmarks', 'safety test suites', 'energy-efficiency benchmarks', 'red-teaming'],
  EXPERTISE: ['expertise in scaling', 'consulting on AI Act compliance', 'HPC software porting', 'expertise in federated learning', 'functional safety know-how', 'quantisation expertise'],
};

/** What it is for: some name a model, most do not. */
const PURPOSES = [
  'foundation model training', 'perception model training', 'trajectory prediction', 'sensor fusion research', 'driver monitoring',
  'battery ageing studies', 'aerodynamics', 'crash safety', 'vehicle dynamics', 'speech assistants in the cockpit',
  'quality inspection in body shops', 'predictive maintenance of presses', 'weather-robust perception', 'map generation', 'validation of ADAS functions',
  'large language models for service manuals', 'digital twins of plants', 'chip design verification', 'thermal management', 'traffic flow studies',
  'pedestrian detection', 'parking assistants', 'end-to-end driving models', 'vision-language models', 'noise and vibration analysis',
];

const SITES = ['Stuttgart', 'München', 'Jülich', 'Garching', 'Bologna', 'Barcelona', 'Kajaani', 'Ostrava', 'Linköping', 'Lyon', 'Dresden', 'Köln', 'Göteborg', 'Wien', 'Eindhoven'];
const TOOLS = ['Slurm', 'Kubernetes', 'PyTorch', 'JAX', 'InfiniBand NDR', 'Lustre', 'Ceph', 'Apptainer', 'OpenFOAM', 'CARLA', 'ROS 2', 'Triton'];

const ENGLISH = [
  (w) => `Hosted at our site in ${w.site}, reachable through the alliance's federated login.`,
  (w) => `Jobs run under ${w.tool}; we help port existing pipelines within ${w.small} days.`,
  (w) => `Suited to ${w.purpose} and to ${w.purpose2}.`,
  (w) => `Onboarding takes about ${w.small} working days, support by the centre's staff in English and German.`,
  (w) => `Data stays in the EU; access logs are kept for ${w.small} months and shared with the data owner on request.`,
  (w) => `Capacity is reserved in blocks of ${w.big} hours; unused blocks return to the pool after a month.`,
  (w) => `Earlier projects include work on ${w.purpose} with two suppliers and a car maker.`,
  (w) => `Interconnect and storage are sized for ${w.tool} workloads of up to ${w.big} files.`,
  (w) => `We publish an availability calendar every quarter and answer requests within ${w.small} days.`,
  (w) => `Results and checkpoints remain the requester's property.`,
];

const GERMAN = [
  (w) => `Betrieben an unserem Standort ${w.site}, Zugang über die föderierte Anmeldung der Allianz.`,
  (w) => `Geeignet für Vorhaben zu ${w.purpose}; Unterstützung durch unsere Mitarbeiter auf Deutsch und Englisch.`,
  (w) => `Die Daten verbleiben in Deutschland, Zugriffe werden ${w.small} Monate protokolliert.`,
  (w) => `Kapazität wird in Blöcken zu ${w.big} Stunden vergeben; die Einarbeitung dauert etwa ${w.small} Arbeitstage.`,
  (w) => `Bisherige Projekte mit Zulieferern und Fahrzeugherstellern, unter anderem zur Straßenverkehrssimulation und Fußgängererkennung.`,
  (w) => `Ergebnisse und Modelle bleiben Eigentum des Anfragenden.`,
];

/**
 * A text generator over `random` (a () => [0, 1) PRNG): the same seed gives the same texts. Titles take
 * the listing's kind.
 */
function textGenerator(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const words = () => ({
    site: pick(SITES),
    tool: pick(TOOLS),
    purpose: pick(PURPOSES),
    purpose2: pick(PURPOSES),
    small: 2 + int(12),
    big: (1 + int(50)) * 1000,
  });
  /** `count` different sentences of `pool`, in a random order. */
  const sentences = (pool, count) => {
    const chosen = new Set();
    while (chosen.size < Math.min(count, pool.length)) chosen.add(int(pool.length));
    return [...chosen].map((i) => pool[i](words())).join(' ');
  };
  const capitalised = (text) => text[0].toUpperCase() + text.slice(1);
  return {
    /** A capability's title: its resource and what it is for. */
    capabilityTitle: (kind) => `${capitalised(pick(RESOURCES[kind]))} for ${pick(PURPOSES)}`,
    /** A need's title, as an industry person writes it. */
    needTitle: (kind) => `${pick(['Looking for', 'Need', 'Seeking', 'Wanted:'])} ${pick(RESOURCES[kind])} for ${pick(PURPOSES)}`,
    /** A listing's description: two to four sentences, German one time in seven. */
    description: () => (random() < 1 / 7 ? sentences(GERMAN, 2 + int(2)) : sentences(ENGLISH, 2 + int(3))),
  };
}

module.exports = { textGenerator };
