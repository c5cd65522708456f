export * from './erasure';
export * from './erasure-coverage';
export * from './erasure.service';
export * from './personal-data-export-format.enum';
export * from './personal-data.read-model';
export * from './personal-data.service';
export * from './privacy.module';
