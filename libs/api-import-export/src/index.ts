export * from './csv-reader';
export * from './csv-cells';
export * from './import-kinds';
export * from './import.service';
export * from './export.service';
export * from './data-dictionary';
export * from './import-export.module';
