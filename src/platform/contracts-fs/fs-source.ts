export { createFsSource } from '../../cli/fs-source';
