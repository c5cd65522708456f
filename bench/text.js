// Varied text for the marketplace benchmark (bench/marketplace.js): titles and descriptions of capabilities
// and needs, composed from word pools with a fixed-seed PRNG. With some thirty titles and one description
// for 20,000 capabilities and 400 needs, every listing a search found held the same words (ranking compared
// identical texts, snippets cut the same sentence): work no real marketplace asks for. Here a word like
// "model" is in some listings, as in the alliance's real ones; about one description in seven is German,
// so both search configurations find something. Proposals of bench:marketplace get their texts here too
// (`proposalText`, decision 170); bench/seed.js's one body stays for the main benchmark.

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

/**
 * What proposals are about, by working group (its slug in bench/seed.js): the subjects an alliance of car
 * makers, suppliers, chip makers, HPC centres and AI factories writes proposals on. "model" is in some of
 * them, "foundation model" in a few (the AI group's), as in real proposal lists.
 */
const PROPOSAL_SUBJECTS = {
  'ai-models-and-data': [
    'a driving foundation model pre-trained on pooled fleet data', 'a vision-language model for cabin assistants', 'a shared benchmark for perception models',
    'a labelled pedestrian and cyclist dataset', 'synthetic data for rare traffic scenarios', 'federated learning across OEM fleets',
    'a multilingual assistant for workshop manuals', 'a world model for traffic simulation', 'compute for foundation model training at an AI factory',
    'evaluation of AI systems under the AI Act', 'anonymisation of camera recordings at scale', 'a data catalogue for sensor recordings',
  ],
  'software-defined-vehicles': [
    'an over-the-air update pipeline', 'a common vehicle signal API', 'open-source middleware for zonal architectures', 'cybersecurity monitoring under UN R155',
    'an in-vehicle speech assistant', 'software bills of materials across suppliers', 'virtual ECUs for continuous integration', 'on-board inference of compressed neural networks',
    'an SDV reference architecture', 'functional safety of mixed-criticality software', 'a shared Linux base for infotainment', 'energy management software for EVs',
  ],
  'automotive-hardware': [
    'automotive AI accelerators', 'chiplet packaging for central compute', 'RISC-V safety cores', 'sensor ASIC roadmaps', 'a European supply of automotive semiconductors',
    'silicon carbide power electronics', 'benchmarking inference chips on perception workloads', 'energy efficiency of edge inference', 'radar front-ends at 77 GHz',
    'thermal design of central computers', 'qualification of advanced nodes for automotive', 'secure elements for V2X',
  ],
  'autonomous-vehicles': [
    'V2X corridor trials on motorways', 'a scenario database for homologation', 'HD map exchange between fleets', 'remote operation of driverless shuttles',
    'the safety case for level-4 shuttles', 'pooled disengagement reports', 'end-to-end driving models', 'shared test tracks in winter conditions',
    'weather-robust perception', 'cooperative perception over C-V2X', 'validation of ADAS functions in simulation', 'driver monitoring for level-3 hand-over',
  ],
};

/** How each kind of proposal phrases its subject, for titles. */
const PROPOSAL_TITLES = {
  DATA_EXCHANGE: (s) => `Data exchange on ${s}`,
  DATA_POOLING: (s) => `Pooling data for ${s}`,
  FOUNDATION_MODEL: (s) => `Model development for ${s}`,
  MODEL_BENCHMARKING: (s) => `Benchmarking ${s}`,
  SYNTHETIC_DATA: (s) => `Synthetic data for ${s}`,
  COMPUTE_ACCESS: (s) => `Compute access for ${s}`,
  JOINT_RESEARCH: (s) => `Joint research on ${s}`,
  STANDARDISATION: (s) => `Standardising ${s}`,
  OTHER: (s) => `Cooperation on ${s}`,
};

const PROPOSAL_SENTENCES = [
  (w) => `The partners contribute ${w.share} and agree on a common format before the first exchange.`,
  (w) => `Work packages run for ${w.months} months, led by ${w.lead} with ${w.partners} partners.`,
  (w) => `Results are published as open specifications where the partners agree; contributed ${w.share} remain with their owners.`,
  (w) => `Compute comes from an AI factory or an HPC centre of the alliance, in blocks of ${w.big} GPU hours.`,
  (w) => `Personal data is anonymised at the source; a data protection impact assessment is done in month ${w.small}.`,
  (w) => `The proposal builds on earlier work on ${w.other} and reuses its tooling.`,
  (w) => `Milestones: a kick-off, a first demonstrator after ${w.small} months and a public report.`,
  (w) => `Competition law: no prices, volumes or customer data are exchanged; counsel reviews every agenda.`,
  (w) => `Open questions are licensing, liability for shared data and how new partners join later.`,
  (w) => `Success is measured against agreed metrics, published with the code.`,
];

const PROPOSAL_SHARES = ['sensor recordings', 'test-bench time', 'engineering days', 'annotated data', 'simulation scenarios', 'reference hardware', 'field data from pilot vehicles'];
const PROPOSAL_LEADS = ['a car maker', 'a tier-1 supplier', 'a chip maker', 'a software company', 'an HPC centre', 'an AI factory', 'a research institute'];

/** Adds proposals to a generator over `random`: a title, summary and body from the proposal's kind and group. */
function proposalTextGenerator(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const all = Object.values(PROPOSAL_SUBJECTS).flat();
  return (kind, groupSlug) => {
    const subject = pick(PROPOSAL_SUBJECTS[groupSlug] ?? all);
    const words = () => ({ share: pick(PROPOSAL_SHARES), lead: pick(PROPOSAL_LEADS), partners: 2 + int(9), months: 6 + int(31), small: 2 + int(10), big: (1 + int(50)) * 1000, other: pick(all) });
    const chosen = new Set();
    const count = 3 + int(4);
    while (chosen.size < count) chosen.add(int(PROPOSAL_SENTENCES.length));
    const body = [`This proposal is about ${subject}.`, ...[...chosen].map((i) => PROPOSAL_SENTENCES[i](words()))].join(' ');
    const title = (PROPOSAL_TITLES[kind] ?? PROPOSAL_TITLES.OTHER)(subject);
    const lead = pick(PROPOSAL_LEADS);
    return { title, summary: `${lead[0].toUpperCase()}${lead.slice(1)} proposes work on ${subject}.`, body };
  };
}

module.exports = { textGenerator, proposalTextGenerator };
